/**
 * Route policies of this plugin, by name (`plugin::core.<name>`). The "same centre" condition
 * of the admin RBAC lands here with the centres work.
 */
export default {};
