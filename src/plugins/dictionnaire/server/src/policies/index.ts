/** Route policies of this plugin, by name (`plugin::dictionnaire.<name>`). */
export default {};
