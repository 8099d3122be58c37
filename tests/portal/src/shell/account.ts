/** The signed-in account of the imitation tenant. */
export const ACCOUNT = {
  displayName: 'Megan Bowen',
  userPrincipalName: 'megan.bowen@contoso.onmicrosoft.com',
  initials: 'MB',
  tenant: 'Contoso',
} as const;
