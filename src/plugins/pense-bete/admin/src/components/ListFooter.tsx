import { Box, Flex, Typography } from '@strapi/design-system';
import { Pagination } from '@strapi/strapi/admin';
import { useT } from '../utils/translate';

interface Props {
  /** The list's own sentence, e.g. `persons.pagination`: « Page {page} sur {pageCount} · {total} personnes ». */
  summaryKey: string;
  pagination: { page: number; pageCount: number; total: number };
}

/** Under a paginated list (inside `Pagination.Root`): where we are, and the page links. */
export const ListFooter = ({ summaryKey, pagination }: Props) => {
  const t = useT();
  return (
    <Flex justifyContent="space-between" paddingTop={4} gap={4} wrap="wrap">
      <Typography textColor="neutral600">
        {t(summaryKey, { ...pagination, pageCount: Math.max(1, pagination.pageCount) })}
      </Typography>
      <Box>
        <Pagination.Links />
      </Box>
    </Flex>
  );
};
