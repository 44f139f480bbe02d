import activity from './activity';
import newsItem from './news-item';
import page from './page';
import buildStatus from './build-status';

/** Every type belongs to a centre (declared in its schema) and has draft and publish. */
export default {
  activity,
  'news-item': newsItem,
  page,
  'build-status': buildStatus,
};
