import { Th, Thead, Tr, Typography } from '@strapi/design-system';

/** The header row of an admin list table: a label a column (a node where a label is hidden). */
export const ListHead = ({ columns }: { columns: React.ReactNode[] }) => (
  <Thead>
    <Tr>
      {columns.map((label, index) => (
        <Th key={index}>{typeof label === 'string' ? <Typography variant="sigma">{label}</Typography> : label}</Th>
      ))}
    </Tr>
  </Thead>
);
