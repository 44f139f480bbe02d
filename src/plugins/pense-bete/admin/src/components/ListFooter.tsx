import { Box, Typography } from '@strapi/design-system';
import { Pagination } from '@strapi/strapi/admin';
import { useT } from '../utils/translate';

interface Props {
  /** The list's own sentence, e.g. `persons.pagination`: « Page {page} sur {pageCount} · {total} personnes ». */
  summaryKey: string;
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

/** Under a paginated list: where we are, and the page links (the page is in the address). */
export const ListFooter = ({ summaryKey, pagination }: Props) => {
  const t = useT();
  return (
    <Box paddingTop={4}>
      <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={pagination.pageSize}>
        <Typography textColor="neutral600">
          {t(summaryKey, { ...pagination, pageCount: Math.max(1, pagination.pageCount) })}
        </Typography>
        <Pagination.Links />
      </Pagination.Root>
    </Box>
  );
};
