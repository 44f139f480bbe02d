import activity from './activity';
import newsItem from './news-item';
import page from './page';

/** Every type belongs to a centre (declared in its schema) and has draft and publish. */
export default {
  activity,
  'news-item': newsItem,
  page,
};
