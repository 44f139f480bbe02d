import { House } from '@strapi/icons';

export const PluginIcon = () => <House aria-hidden />;
