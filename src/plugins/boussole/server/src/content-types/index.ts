import compass from './compass';
import glossaryTerm from './glossary-term';
import resource from './resource';

/** Keyed by `info.singularName`; all three belong to a centre through core. */
export default { compass, resource, 'glossary-term': glossaryTerm };
