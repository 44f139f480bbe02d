import { Route, Routes } from 'react-router-dom';
import { Layouts, Page } from '@strapi/strapi/admin';
import { CoreNav } from '../components/CoreNav';
import OverviewPage from './OverviewPage';
import AuditPage from './Audit/AuditPage';
import PersonalDataPage from './PersonalData/PersonalDataPage';
import GeocodingPage from './Geocoding/GeocodingPage';
import { MailMessagePage, MailPage } from './Mail/MailPage';
import { ModerationItemPage, ModerationPage } from './Moderation/ModerationPage';
import SmsPage from './Sms/SmsPage';
import OutboxPage from './Outbox/OutboxPage';
import DirectoryImportPage from './DirectoryImport/DirectoryImportPage';

const App = () => (
  <Layouts.Root sideNav={<CoreNav />}>
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="moderation" element={<ModerationPage />} />
      <Route path="moderation/:id" element={<ModerationItemPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="donnees-personnelles" element={<PersonalDataPage />} />
      <Route path="geocodage" element={<GeocodingPage />} />
      <Route path="e-mails" element={<MailPage />} />
      <Route path="e-mails/:id" element={<MailMessagePage />} />
      <Route path="sms" element={<SmsPage />} />
      <Route path="taches" element={<OutboxPage />} />
      <Route path="importer-annuaire" element={<DirectoryImportPage />} />
      <Route path="*" element={<Page.NoData />} />
    </Routes>
  </Layouts.Root>
);

export default App;
