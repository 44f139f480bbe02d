import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { ACTIONS } from '../../../shared/permissions';
import CompassesPage from './CompassesPage';
import CompassEditPage from './CompassEditPage';
import ContributionsPage from './ContributionsPage';

const App = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <Routes>
      <Route index element={<CompassesPage />} />
      <Route path="nouvelle" element={<CompassEditPage />} />
      <Route path=":id" element={<CompassEditPage />} />
      <Route path=":id/contributions" element={<ContributionsPage />} />
      <Route path="*" element={<Page.NoData />} />
    </Routes>
  </Page.Protect>
);

export default App;
