import { SubNav } from '@strapi/strapi/admin';
import { PAGES } from '../utils/api';
import { useT } from '../utils/translate';

/** The module's pages, always at hand: the persons, those to follow up, groups, the SMS budget. */
export const PenseBeteNav = () => {
  const t = useT();
  return (
    <SubNav.Main aria-label={t('nav.label')}>
      <SubNav.Header label={t('plugin.name')} />
      <SubNav.Sections>
        {[
          <SubNav.Section key="main" label={t('nav.section')}>
            <SubNav.Link to={PAGES} end label={t('nav.persons')} />
            <SubNav.Link to={`${PAGES}/a-relancer`} end label={t('nav.followUp')} />
          </SubNav.Section>,
          <SubNav.Section key="news" label={t('nav.newsSection')}>
            <SubNav.Link to={`${PAGES}/groupes`} end label={t('nav.groups')} />
            <SubNav.Link to={`${PAGES}/budget`} end label={t('nav.budget')} />
          </SubNav.Section>,
        ]}
      </SubNav.Sections>
    </SubNav.Main>
  );
};
