/** Route policies of this plugin, by name (`plugin::__plugin__.<name>`). */
export default {};
