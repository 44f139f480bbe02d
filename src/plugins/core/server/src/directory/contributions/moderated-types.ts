import type { Core } from '@strapi/strapi';
import type { ModerationMode } from '../../../../shared/contracts/moderation';
import { EVENT_UID, SERVICE_UID, STRUCTURE_UID } from '../../../../shared/contracts/directory';
import type { CoreConfig } from '../../config';
import type { Entry } from '../../moderation/registry';
import { getService } from '../../utils/get-service';
import { directoryFieldLabels } from '../labels';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** « Maison des familles — Lille »: the name alone is often shared by towns around. */
const nameAndCommune = (entry: Entry) => [text(entry.nom), text(entry.commune)].filter(Boolean).join(' — ');

const parisDay = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' });

/** The Paris day of an event's start, YYYY-MM-DD; an unreadable date gives nothing. */
function startDay(entry: Entry): string {
  const start = entry.date_debut ? new Date(entry.date_debut as string) : null;
  return start && !Number.isNaN(start.getTime()) ? parisDay.format(start) : '';
}

const frenchDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

function eventTitle(entry: Entry): string {
  const day = startDay(entry);
  return day ? `${text(entry.titre)} — ${frenchDate.format(new Date(entry.date_debut as string))}` : text(entry.titre);
}

/** The moderation mode of a directory type: the install's choice, else pre-moderation. */
export function directoryModerationMode(strapi: Core.Strapi, type: 'structure' | 'service' | 'event'): ModerationMode {
  const config = strapi.config.get('plugin::core.directory') as CoreConfig['directory'];
  return config?.moderation?.[type] ?? 'pre';
}

/**
 * Structures, services and events proposed from outside (partners, public forms, correction
 * links) go through core moderation. The duplicate key is the name and the commune (the start
 * day for events), normalised by moderation: « Le Café des parents, LILLE » and « cafe des
 * parents, Lille » are flagged side by side to the moderator, never merged.
 */
export function registerDirectoryModeration(strapi: Core.Strapi): void {
  const moderation = getService(strapi, 'moderation');
  moderation.register({
    uid: STRUCTURE_UID,
    label: 'Structure de l’annuaire',
    mode: directoryModerationMode(strapi, 'structure'),
    titleOf: nameAndCommune,
    duplicateKey: (entry) => `${text(entry.nom)} ${text(entry.commune)}`,
    fieldLabels: directoryFieldLabels(STRUCTURE_UID),
  });
  moderation.register({
    uid: SERVICE_UID,
    label: 'Service de l’annuaire',
    mode: directoryModerationMode(strapi, 'service'),
    titleOf: nameAndCommune,
    duplicateKey: (entry) => `${text(entry.nom)} ${text(entry.commune)}`,
    fieldLabels: directoryFieldLabels(SERVICE_UID),
  });
  moderation.register({
    uid: EVENT_UID,
    label: 'Événement de l’agenda',
    mode: directoryModerationMode(strapi, 'event'),
    titleOf: eventTitle,
    duplicateKey: (entry) => `${text(entry.titre)} ${startDay(entry)}`,
    fieldLabels: directoryFieldLabels(EVENT_UID),
  });
}
