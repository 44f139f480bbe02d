import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface Props {
  /** « Accord de la personne », in the product's words. */
  title: string;
  /** What the team does before recording: read the text, give it on paper… */
  intro: string;
  children: ReactNode;
}

/** The block of a form where the team records a person's agreement, set apart from the rest. */
export const ConsentPanel = ({ title, intro, children }: Props) => (
  <Box background="primary100" borderColor="primary200" hasRadius padding={5}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Box>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        <Typography tag="p" textColor="neutral700">
          {intro}
        </Typography>
      </Box>
      {children}
    </Flex>
  </Box>
);
