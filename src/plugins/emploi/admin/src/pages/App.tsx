import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { ACTIONS } from '../../../shared/permissions';
import CandidateCreatePage from './CandidateCreatePage';
import CandidatesPage from './CandidatesPage';
import HomePage from './HomePage';
import ReferentsPage from './ReferentsPage';

/** The team's pages for the sourcing need their own permission, on top of the menu's. */
const members = (page: JSX.Element) => (
  <Page.Protect permissions={[{ action: ACTIONS.members, subject: null }]}>{page}</Page.Protect>
);

const App = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="candidats" element={members(<CandidatesPage />)} />
      <Route path="candidats/nouveau" element={members(<CandidateCreatePage />)} />
      <Route path="referents" element={members(<ReferentsPage />)} />
      <Route path="*" element={<Page.NoData />} />
    </Routes>
  </Page.Protect>
);

export default App;
