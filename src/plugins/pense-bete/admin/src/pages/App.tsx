import { Route, Routes } from 'react-router-dom';
import { Layouts, Page } from '@strapi/strapi/admin';
import { PenseBeteNav } from '../components/PenseBeteNav';
import PersonsPage from './PersonsPage';
import PersonCreatePage from './PersonCreatePage';
import PersonPage from './PersonPage';
import StepFormPage from './StepFormPage';
import FollowUpPage from './FollowUpPage';
import GroupsPage from './Groups/GroupsPage';
import BudgetPage from './BudgetPage';

const App = () => (
  <Layouts.Root sideNav={<PenseBeteNav />}>
    <Routes>
      <Route index element={<PersonsPage />} />
      <Route path="ajouter" element={<PersonCreatePage />} />
      <Route path="a-relancer" element={<FollowUpPage />} />
      <Route path="groupes" element={<GroupsPage />} />
      <Route path="budget" element={<BudgetPage />} />
      <Route path="personnes/:id" element={<PersonPage />} />
      <Route path="personnes/:id/demarches/ajouter" element={<StepFormPage />} />
      <Route path="personnes/:id/demarches/:stepId" element={<StepFormPage />} />
      <Route path="*" element={<Page.NoData />} />
    </Routes>
  </Layouts.Root>
);

export default App;
