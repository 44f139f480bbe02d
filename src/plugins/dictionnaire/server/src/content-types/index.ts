/**
 * Content types of this plugin, keyed by their `info.singularName`; each one that belongs to
 * a centre declares its relation through core.
 */
export default {};
