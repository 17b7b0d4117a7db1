// What other features may use of the site feature (its routes import its files directly).
export { publicPages } from './sitemap.server'
