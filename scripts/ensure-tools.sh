#!/usr/bin/env bash
# The validators some unit tests hand their output to: xmllint (the Akoma Ntoso exports against the OASIS schema)
# and LibreOffice (the Word exports converted to PDF). Installed from Debian's packages when missing and this runs
# as root with apt-get (as in CI); otherwise those tests skip and say why. Never fails the run.
set -uo pipefail
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
((${#missing[@]})) || exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the export tests (once)…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
    >/tmp/ensure-tools.log 2>&1 || echo "could not install ${missing[*]} (see /tmp/ensure-tools.log): those tests skip"
else
  echo "Not installed: ${missing[*]}; the tests that need them skip."
fi
exit 0
