import { useIntl } from 'react-intl';
import { SubNav } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/** The core pages, side by side: each capability adds its link here. */
export const CORE_PAGES = [
  { path: '', key: 'nav.overview' },
  { path: 'moderation', key: 'nav.moderation' },
  { path: 'audit', key: 'nav.audit' },
  { path: 'donnees-personnelles', key: 'nav.gdpr' },
  { path: 'geocodage', key: 'nav.geocoding' },
  { path: 'e-mails', key: 'nav.mail' },
  { path: 'sms', key: 'nav.sms' },
  { path: 'taches', key: 'nav.outbox' },
  { path: 'importer-annuaire', key: 'nav.import' },
] as const;

export const CoreNav = () => {
  const { formatMessage } = useIntl();
  const t = (key: string) => formatMessage({ id: `${PLUGIN_ID}.${key}` });
  return (
    <SubNav.Main aria-label={t('nav.label')}>
      <SubNav.Header label={t('plugin.name')} />
      <SubNav.Sections>
        {[
          <SubNav.Section key="core" label={t('nav.section')}>
            {CORE_PAGES.map(({ path, key }) => (
              <SubNav.Link key={key} to={`/plugins/${PLUGIN_ID}${path ? `/${path}` : ''}`} end label={t(key)} />
            ))}
          </SubNav.Section>,
        ]}
      </SubNav.Sections>
    </SubNav.Main>
  );
};
