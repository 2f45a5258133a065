/** Every text a user sees, in English. The zh-CN file must have exactly the same keys. */
export const enUS = {
  'help.title': 'Add Customer bot',
  'help.intro':
    'I add customers to Partner Center operated by 21Vianet, right here in Teams. Type a command:',
  'help.addCustomer': 'start adding a new customer',
  'help.addSubscription': 'add offers to an existing customer',
  'help.customers': 'list recent customers',
  'help.cancel': 'stop what you are doing with me in this conversation',
  'help.help': 'show this card',
  'help.notYetAvailable': 'This command is not available yet. Type **add customer** to add a new customer.',

  'flow.owner': 'For {name}',
  'flow.stepOf': 'Step {step} of 3',
  'flow.cancelled': 'Adding the customer was cancelled. Nothing was saved.',
  'flow.nothingToCancel': 'There is nothing to cancel.',
  'flow.notYourCard':
    'Only the person who started this card can use its buttons. To add a customer yourself, type **add customer**.',
  'flow.cardExpired': 'This card is no longer active. Type **add customer** to start again.',
  'flow.errorSummary': 'Please correct the fields marked below.',

  'account.title': 'Account info',
  'account.companySection': 'Company details',
  'account.contactSection': 'Primary contact',
  'account.companyName': 'Company name (exact legal name)',
  'account.domainPrefix': 'Domain prefix',
  'account.domainHint':
    'The tenant domain will be prefix.partner.onmschina.cn and can never be changed later.',
  'account.addressLine1': 'Address line 1',
  'account.addressLine2': 'Address line 2 (optional)',
  'account.city': 'City',
  'account.province': 'Province / region',
  'account.provincePlaceholder': 'Choose a province',
  'account.postalCode': 'Postal code',
  'account.country': 'Country/region',
  'account.countryValue': 'China',
  'account.companyPhone': 'Company phone (optional)',
  'account.contactFirstName': 'First name (optional)',
  'account.contactLastName': 'Last name',
  'account.contactEmail': 'Email',
  'account.contactPhone': 'Phone (optional)',
  'account.language': 'Language for the customer admin',
  'account.next': 'Next: Subscriptions',
  'account.backToReview': 'Save and return to Review',
  'account.cancel': 'Cancel',

  'subscriptions.title': 'Subscriptions',
  'subscriptions.intro':
    'Enter the number of licenses for each offer the customer wants. Leave the others empty.',
  'subscriptions.range': '{min}–{max} licenses',
  'subscriptions.back': 'Back',
  'subscriptions.next': 'Next: Review',
  'subscriptions.backToReview': 'Save and return to Review',

  'review.title': 'Review',
  'review.intro': 'Check every entry. Select Update to change something, then Submit.',
  'review.company': 'Company',
  'review.contact': 'Primary contact',
  'review.subscriptions': 'Subscriptions',
  'review.licenses': '{count} licenses',
  'review.domain': 'Tenant domain',
  'review.address': 'Address',
  'review.updateAccount': 'Update account info',
  'review.updateSubscriptions': 'Update subscriptions',
  'review.submit': 'Submit',
  'review.cancel': 'Cancel',
  'review.submitted': 'Submitted by {name} on {when}.',
  'review.cancelledState': 'Cancelled by {name}.',

  'summary.title': 'New customer added',
  'summary.createdBy': 'Added by {name} on {when}.',
  'summary.credentialsSent': 'The admin account and temporary password were sent privately to {name}.',
  'summary.credentialsNotSent':
    'The admin credentials could not be sent privately to {name} yet. See the message below.',

  'credentials.title': 'Admin credentials for {company}',
  'credentials.intro':
    'Copy the admin account and temporary password now: they are shown only once. The admin must change the password at first sign-in.',
  'credentials.account': 'Admin account',
  'credentials.password': 'Temporary password',
  'credentials.done': 'Done',
  'credentials.doneTitle': 'Customer {company} is ready',
  'credentials.doneText': 'The temporary password is no longer shown. The admin signs in as {account}.',
  'credentials.blocked':
    '{name}, I could not send you the admin credentials privately because you have not opened a personal chat with me. In Teams, select **Apps**, find **Add Customer**, open it and select **Open** (or search for me in a new chat). Nothing was lost: the customer {company} is saved.',
  'credentials.failed':
    'I could not deliver the admin credentials for {company} to {name}. The customer is saved; please contact your administrator.',

  'error.turn':
    'Sorry, something went wrong on my side. Your entries are kept: please try again in a moment.',
  'error.required': 'This field is required.',
  'error.tooLong': 'At most {max} characters.',
  'error.invalid': 'This value is not valid.',
  'error.companyName.length': 'Enter 2 to 255 characters.',
  'error.companyName.noLetters': 'A company name needs letters or digits, not only symbols.',
  'error.companyName.spaced': 'Write the name without spaces between single characters.',
  'error.companyName.abbreviation': 'Enter the full legal name, not just a company form such as "LLC".',
  'error.companyName.repeated': 'A name cannot be one character repeated.',
  'error.domainPrefix.format': 'Use 1 to 27 letters and digits only (no dots, dashes or spaces).',
  'error.domainPrefix.taken': 'This domain is already taken. Choose another prefix.',
  'error.province.invalid': 'Choose a province from the list.',
  'error.postalCode.format': 'Enter the 6-digit postal code.',
  'error.phone.format':
    'Enter a Chinese mobile (11 digits starting with 1) or landline number with area code.',
  'error.name.length': 'At most 40 characters.',
  'error.name.single': 'A single character is allowed only for a name in Chinese characters.',
  'error.name.placeholder': 'Enter the real name, not a placeholder.',
  'error.name.noLetters': 'A name needs letters, not only digits or symbols.',
  'error.email.format': 'Enter a valid email address.',
  'error.email.microsoft': 'A Microsoft address cannot be the customer contact.',
  'error.email.partner': "Use the customer's own email, not your company's.",
  'error.language.invalid': 'Choose zh-CN or en-US.',
  'error.offers.none': 'Choose at least one offer.',
  'error.offers.quantity': 'Enter a whole number from {min} to {max}.',
  'error.offers.unknown': 'This offer is not in the catalog.',
} as const;

/** A key of a user-facing text. */
export type MessageKey = keyof typeof enUS;
