// A developer's own .env must not change what the tests see: Strapi loads the file named by
// ENV_PATH (default ./.env) when it is first required.
process.env.ENV_PATH = '/dev/null';
