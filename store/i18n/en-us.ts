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
  'help.addCustomerButton': 'Add a customer',

  'access.otherTenant': 'Sorry, this bot is not available to your organization.',
  'access.notAllowedUser':
    'Sorry, you are not on the list of people who may use this bot. Ask your administrator to add you.',

  'flow.owner': 'For {name}',
  'flow.stepOf': 'Step {step} of 3',
  'flow.cancelled': 'Cancelled. Nothing was saved.',
  'flow.nothingToCancel': 'There is nothing to cancel.',
  'flow.notYourCard':
    'Only the person who started this card can use its buttons. To add a customer yourself, type **add customer**.',
  'flow.cardExpired': 'This card is no longer active. Type **add customer** to start again.',
  'flow.stateReset':
    'Your open card could not be read and was reset. Cards sent before this message no longer work.',
  'flow.errorSummary': 'Please correct the fields marked below.',
  'flow.stateConflict':
    'Your card changed somewhere else at the same moment (another press, or another window), so this press was not saved. Please try again.',

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
  'review.contactName': 'Name',
  'review.companyName': 'Company name',
  'review.companyPhone': 'Company phone',
  'review.contactPhone': 'Phone',
  'review.language': 'Admin language',
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
  'review.creatingState': 'Submitted by {name} on {when}. Creating the customer…',
  'review.creatingInPartnerCenter': 'Submitted by {name} on {when}. Creating the customer in Partner Center…',
  'review.createdState': 'Submitted by {name} on {when}. The customer is created.',
  'review.createdInPartnerCenter':
    'Submitted by {name} on {when}. The customer is created in Partner Center (customer id {id}).',
  'review.failedState': 'Submitted by {name} on {when}. The customer could not be created: {reason}',
  'review.retry': 'Try again',
  'failure.UNAUTHORIZED_BY_PARTNER_CENTER':
    'Partner Center refused the bot’s sign-in. Your administrator can see in the bot’s log which setting to fix.',
  'failure.DOMAIN_TAKEN_IN_PARTNER_CENTER':
    'the domain is already taken in Partner Center. Type add customer to start again with another domain prefix.',
  'failure.ADDRESS_REFUSED_BY_PARTNER_CENTER': 'Partner Center did not accept the address.',
  'failure.QUANTITY_REFUSED_BY_PARTNER_CENTER':
    'a license count is outside what Partner Center allows for its offer.',
  'failure.REFUSED_BY_PARTNER_CENTER': 'Partner Center refused the request.',
  'failure.NO_ANSWER_FROM_PARTNER_CENTER':
    'Partner Center did not answer in time. Nothing was created twice: try again.',
  'failure.INTERNAL': 'something went wrong on my side. Try again in a moment.',

  'approval.title': 'Approval needed: new customer',
  'approval.requestedBy': 'Requested by {name} on {when}.',
  'approval.waiting': 'Waiting for approval.',
  'approval.reason': 'Reason (required to reject)',
  'approval.reasonRequired': 'Enter a reason to reject the request.',
  'approval.approve': 'Approve',
  'approval.reject': 'Reject',
  'approval.withdraw': 'Withdraw request',
  'approval.showMyActions': 'Show my actions',
  'approval.approvedTitle': 'Approved',
  'approval.rejectedTitle': 'Rejected',
  'approval.withdrawnTitle': 'Withdrawn',
  'approval.createdTitle': 'Customer created',
  'approval.failedTitle': 'Approved, not created',
  'approval.creating': 'Creating the customer…',
  'approval.creatingInPartnerCenter': 'Creating the customer in Partner Center…',
  'approval.created': 'The customer is created.',
  'approval.createdInPartnerCenter': 'The customer is created in Partner Center (customer id {id}).',
  'approval.failed': 'The customer could not be created: {reason}',
  'approval.approvedBy': 'Approved by {name} on {when}.',
  'approval.rejectedBy': 'Rejected by {name} on {when}. Reason: {reason}',
  'approval.withdrawnBy': 'Withdrawn by {name} on {when}.',
  'approval.notApprover': 'Only the configured approvers can approve or reject requests.',
  'approval.notRequester': 'Only the person who made this request can withdraw it.',
  'approval.unknownRequest': 'This request no longer exists.',
  'approval.domainTaken':
    'The domain {domain} was taken by another customer meanwhile, so this request was rejected.',
  'approval.rejectedNotice': 'Your request for {company} was rejected by {name}.',
  'approval.rejectedReason': 'Reason: {reason}',
  'approval.editAndResubmit': 'Edit and resubmit',

  'customers.title': 'Customers',
  'customers.searchLabel': 'Search by company name or domain',
  'customers.search': 'Search',
  'customers.next': 'Next',
  'customers.previous': 'Previous',
  'customers.range': '{from}–{to} of {total}',
  'customers.none': 'No customer matches.',
  'customers.empty': 'No customers yet. Type **add customer** to add the first one.',
  'customers.createdBy': 'Added by {name} on {when}',
  'customers.fromPartnerCenter': 'Added in Partner Center',

  'match.title': 'This looks like a customer you already have',
  'match.intro':
    'The company name, domain or contact email matches the customers below. Add subscriptions to the existing customer, or, if the company already has an account with another partner or with Microsoft, request a reseller relationship instead. If it is a different company, continue.',
  'match.customer': '{company} ({domain}), added by {name}',
  'match.customerInPartnerCenter': '{company} ({domain}), added in Partner Center',
  'match.addSubscription': 'Add subscription to {company}',
  'match.reseller': 'Request a reseller relationship',
  'match.continue': 'It is a different company: continue',

  'reseller.title': 'Request a reseller relationship',
  'reseller.intro':
    'Send the invitation below to the customer’s global admin. When they accept it in the Office 365 admin center operated by 21Vianet, the customer appears in your customer list. You may edit the first two paragraphs; keep the link as it is. It grants delegated administration only.',
  'reseller.link': 'Your relationship request link',
  'reseller.noLink':
    'Your administrator has not configured the relationship request link (RESELLER_INVITE_URL). Copy it from Partner Center: Customers > Request a reseller relationship.',
  'reseller.textZh': 'Invitation (Chinese)',
  'reseller.textEn': 'Invitation (English)',
  'reseller.open': 'Open the link',
  'reseller.invitation':
    'Dear administrator of {company},\n\nWe would like to become your reseller for Microsoft cloud services operated by 21Vianet, so that we can manage your subscriptions and support you.\n\nTo accept, sign in to the Office 365 admin center operated by 21Vianet as a global administrator and open this link:\n{link}\n\nThe relationship grants us delegated administration only. Thank you.',

  'addSubscription.pickTitle': 'Add subscription: choose the customer',
  'addSubscription.searchLabel': 'Search by company name or domain',
  'addSubscription.search': 'Search',
  'addSubscription.choose': 'Customer',
  'addSubscription.noResults': 'No customer matches. Try another search.',
  'addSubscription.next': 'Next: Subscriptions',
  'addSubscription.cancel': 'Cancel',
  'addSubscription.chooseRequired': 'Choose a customer.',
  'addSubscription.title': 'Add subscription to {company}',
  'addSubscription.has': 'has {count}',
  'addSubscription.reviewTitle': 'Review: add subscription',
  'addSubscription.current': 'Current subscriptions',
  'addSubscription.adding': 'Adding',
  'addSubscription.summaryTitle': 'Subscriptions added',
  'addSubscription.summaryBy': 'Added by {name} on {when}.',
  'addSubscription.approvalTitle': 'Approval needed: add subscription',
  'error.offers.total': 'With the {current} licenses it has, at most {max} more.',

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
    '{name}, I could not send you the admin credentials privately because you have not opened a personal chat with me. In Teams, select **Apps**, find **Add Customer**, open it and select **Open** (or search for me in a new chat). Nothing was lost: the customer {company} is saved, and I will send the credentials once you have, for 24 hours.',
  'credentials.lost':
    'The customer {company} was created in Partner Center, but its temporary admin password did not reach me and Partner Center shows it only once. Sign in to the Microsoft 365 admin center operated by 21Vianet as a partner admin and reset the password of {account}.',
  'credentials.failed':
    'I could not deliver the admin credentials for {company} to {name} yet. The customer is saved, and I will keep trying for 24 hours.',
  'credentials.expired':
    'I could not deliver the admin credentials for {company} within 24 hours, so I destroyed them. Sign in to the Microsoft 365 admin center operated by 21Vianet as a partner admin and reset the password of {account}.',
  'credentials.unreadable':
    'The admin credentials for {company} were not delivered before the bot restarted, and the key that protected them is gone, so I destroyed them. Sign in to the Microsoft 365 admin center operated by 21Vianet as a partner admin and reset the password of {account}.',

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
  'error.address.partnerCenter':
    'Partner Center does not recognise this address. Check the address, city, province and postal code.',
  'account.suggestedAddressTitle': 'Partner Center suggests this address',
  'account.useSuggestedAddress': 'Use suggested address',
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
  'error.offers.limit':
    'Meanwhile the customer got more licenses: this would go over an offer’s maximum. Update subscriptions.',
  'approval.limitExceeded':
    'Adding these licenses would go over an offer’s maximum, so this request was rejected.',
} as const;

/** A key of a user-facing text. */
export type MessageKey = keyof typeof enUS;
