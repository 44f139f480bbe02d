import { SubNav } from '@strapi/strapi/admin';
import { PAGES } from '../utils/api';
import { useT } from '../utils/translate';

/** The module's two lists, always at hand: the persons, and those to follow up. */
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
        ]}
      </SubNav.Sections>
    </SubNav.Main>
  );
};
