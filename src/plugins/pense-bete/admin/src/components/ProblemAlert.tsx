import { Box, Typography } from '@strapi/design-system';
import type { Problem } from '../utils/api';
import { useT } from '../utils/translate';

/** At the top of a form: what the API refused, and where to look when it named fields. */
export const ProblemAlert = ({ problem }: { problem: Problem }) => {
  const t = useT();
  if (!problem.message) return null;
  return (
    <Box background="danger100" borderColor="danger200" hasRadius padding={4} role="alert">
      <Typography textColor="danger700" tag="p" fontWeight="bold">
        {problem.message}
      </Typography>
      {Object.keys(problem.fields).length > 0 && (
        <Typography textColor="danger700" tag="p">
          {t('common.fixFields')}
        </Typography>
      )}
    </Box>
  );
};
