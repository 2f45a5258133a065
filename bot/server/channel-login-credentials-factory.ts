import {
  MsalServiceClientCredentialsFactory,
  type ServiceClientCredentials,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';

/** The msal-node application type the SDK's factory is declared with (its own bundled msal-node 2). */
type SdkClientApplication = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];

/**
 * The bot's own tokens (bot → channel) from its app registration's client secret, at the login URL of
 * the 21Vianet cloud (`ToChannelFromBotLoginUrl`). Given to `ConfigurationBotFrameworkAuthentication`
 * in place of the SDK's own factory, which would hand that URL to its bundled msal-node 2 alone: msal
 * then asks login.microsoftonline.com (public-cloud instance discovery) about any host missing from its
 * built-in list, an overridden one included. Here the login URL's host is listed as known, as for
 * Partner Center's tokens (`partner-center-tokens.ts`), so tokens come from that URL and no other host
 * is asked. Tokens are still fetched and cached by the SDK's `MsalAppCredentials`; msal-node is loaded
 * at the first token.
 */
export class ChannelLoginCredentialsFactory implements ServiceClientCredentialsFactory {
  private inner: Promise<MsalServiceClientCredentialsFactory> | undefined;

  constructor(
    private readonly appId: string,
    private readonly appPassword: string,
    private readonly loginUrl: string,
  ) {}

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(
    appId: string,
    audience: string,
    loginEndpoint: string,
    validateAuthority: boolean,
  ): Promise<ServiceClientCredentials> {
    this.inner ??= this.createInner();
    return (await this.inner).createCredentials(appId, audience, loginEndpoint, validateAuthority);
  }

  private async createInner(): Promise<MsalServiceClientCredentialsFactory> {
    const { ConfidentialClientApplication } = await import('@azure/msal-node');
    const application = new ConfidentialClientApplication({
      auth: {
        clientId: this.appId,
        clientSecret: this.appPassword,
        authority: this.loginUrl,
        knownAuthorities: [new URL(this.loginUrl).host],
      },
    });
    // The SDK only calls acquireTokenByClientCredential({ scopes, skipCache }), the same in msal-node 7;
    // its declared type is its own bundled msal-node 2's class, which TypeScript keeps apart.
    return new MsalServiceClientCredentialsFactory(
      this.appId,
      application as unknown as SdkClientApplication,
    );
  }
}
