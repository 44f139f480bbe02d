/** Route policies of this plugin, by name (`plugin::site.<name>`). */
export default {};
