import { Route, Routes } from 'react-router-dom';
import { Layouts, Page } from '@strapi/strapi/admin';
import { CoreNav } from '../components/CoreNav';
import OverviewPage from './OverviewPage';
import AuditPage from './Audit/AuditPage';
import PersonalDataPage from './PersonalData/PersonalDataPage';
import OutboxPage from './Outbox/OutboxPage';

const App = () => (
  <Layouts.Root sideNav={<CoreNav />}>
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="donnees-personnelles" element={<PersonalDataPage />} />
      <Route path="taches" element={<OutboxPage />} />
      <Route path="*" element={<Page.NoData />} />
    </Routes>
  </Layouts.Root>
);

export default App;
