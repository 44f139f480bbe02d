import publicFormBody from '../public-forms/body';
import publicForm from '../public-forms/guard';

/**
 * Middlewares of this plugin, by name (`plugin::core.<name>`): `public-form-body` is global
 * (config/middlewares.ts), `public-form` is set on routes by publicFormRoute.
 */
export default {
  'public-form-body': publicFormBody,
  'public-form': publicForm,
};
