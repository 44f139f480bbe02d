import publicFormBody from '../public-forms/body';
import publicForm from '../public-forms/guard';
import redactTokens from '../logs/redact-tokens';

/**
 * Middlewares of this plugin, by name (`plugin::core.<name>`): `public-form-body` and
 * `redact-tokens` are global (config/middlewares.ts), `public-form` is set on routes by
 * publicFormRoute.
 */
export default {
  'public-form-body': publicFormBody,
  'public-form': publicForm,
  'redact-tokens': redactTokens,
};
