import centre from './centre';

export default {
  centre,
};
