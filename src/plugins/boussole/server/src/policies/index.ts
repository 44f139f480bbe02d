/** Route policies of this plugin, by name (`plugin::boussole.<name>`). */
export default {};
