/** Route policies of this plugin, by name (`plugin::emploi.<name>`). */
export default {};
