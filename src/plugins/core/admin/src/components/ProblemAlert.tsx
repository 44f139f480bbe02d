import { useIntl } from 'react-intl';
import { Box, Typography } from '@strapi/design-system';
import type { Problem } from '../toolkit/problem';
import { PLUGIN_ID } from '../pluginId';

/** At the top of a form: what the API refused, and where to look when it named fields. */
export const ProblemAlert = ({ problem }: { problem: Problem }) => {
  const { formatMessage } = useIntl();
  if (!problem.message) return null;
  return (
    <Box background="danger100" borderColor="danger200" hasRadius padding={4} role="alert">
      <Typography textColor="danger700" tag="p" fontWeight="bold">
        {problem.message}
      </Typography>
      {Object.keys(problem.fields).length > 0 && (
        <Typography textColor="danger700" tag="p">
          {formatMessage({
            id: `${PLUGIN_ID}.form.fixFields`,
            defaultMessage: 'Le détail est écrit sous les champs concernés.',
          })}
        </Typography>
      )}
    </Box>
  );
};
