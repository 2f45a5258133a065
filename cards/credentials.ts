import type { Attachment } from 'botbuilder';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { CARD_VERBS } from './card-verbs.js';
import template from './credentials.json' with { type: 'json' };
import doneTemplate from './credentials-done.json' with { type: 'json' };
import { escapeUserText, renderCard } from './render-card.js';

/**
 * The Microsoft 365 admin center operated by 21Vianet, where the new customer's admin signs in first
 * and changes the temporary password.
 */
export const ADMIN_CENTER_URL = 'https://portal.partner.microsoftonline.cn';

/** What the credentials card shows. Send it only to the requester's 1:1 conversation. */
export type CredentialsCardData = {
  locale: Locale;
  customerId: string;
  companyName: string;
  adminAccount: string;
  temporaryPassword: string;
};

/** Renders the one-time card with the new tenant's admin account and temporary password. */
export function renderCredentialsCard(data: CredentialsCardData): Attachment {
  const t = cardTranslator(data.locale);
  return renderCard(template, {
    title: t('credentials.title', { company: escapeUserText(data.companyName) }),
    intro: t('credentials.intro'),
    accountLabel: t('credentials.account'),
    adminAccount: escapeUserText(data.adminAccount),
    passwordLabel: t('credentials.password'),
    password: escapeUserText(data.temporaryPassword),
    nextSteps: t('credentials.nextSteps', {
      url: ADMIN_CENTER_URL,
      account: escapeUserText(data.adminAccount),
    }),
    doneTitle: t('credentials.done'),
    doneVerb: CARD_VERBS.credentialsDone,
    customerId: data.customerId,
  });
}

/** What the card that replaces the credentials after Done shows: no password. */
export type CredentialsDoneCardData = { locale: Locale; companyName: string; adminAccount: string };

/** Renders the card that replaces the credentials card once the user pressed Done: what to do next, and where. */
export function renderCredentialsDoneCard(data: CredentialsDoneCardData): Attachment {
  const t = cardTranslator(data.locale);
  return renderCard(doneTemplate, {
    title: t('credentials.doneTitle', { company: escapeUserText(data.companyName) }),
    text: t('credentials.doneText'),
    nextSteps: t('credentials.nextSteps', {
      url: ADMIN_CENTER_URL,
      account: escapeUserText(data.adminAccount),
    }),
    adminCenterTitle: t('credentials.openAdminCenter'),
    adminCenterUrl: ADMIN_CENTER_URL,
  });
}
