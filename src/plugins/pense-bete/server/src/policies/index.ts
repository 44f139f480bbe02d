/** Route policies of this plugin, by name (`plugin::pense-bete.<name>`). */
export default {};
