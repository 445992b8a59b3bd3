import * as client from 'openid-client';
import type { OidcConfig } from '../config';

export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** Authentication methods the provider reports (`amr`), e.g. ["pwd", "mfa"]. */
  amr: string[];
}

/**
 * The OpenID Connect relying party (openid-client): authorization code flow with PKCE (S256), state and nonce.
 * The provider's metadata is discovered once per process and kept (a cache, not state other nodes need).
 */
export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcConfig) {}

  private discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    // Plain http is only accepted for a provider on this machine (config.ts refuses any other).
    const insecure = new URL(issuer).protocol === 'http:';
    this.configuration ??= client
      .discovery(new URL(issuer), clientId, undefined, client.ClientSecretBasic(clientSecret), { execute: insecure ? [client.allowInsecureRequests] : [] })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  static newFlow(): OidcFlow {
    return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  }

  async authorizationUrl(flow: OidcFlow): Promise<URL> {
    const configuration = await this.discover();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
  }

  /** Redeems the code the provider sent back to the callback (`search`: its query string) for the ID token's claims. */
  async identity(search: string, flow: OidcFlow): Promise<OidcIdentity> {
    const configuration = await this.discover();
    const callback = new URL(this.settings.redirectUrl);
    callback.search = search;
    const tokens = await client.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    let email = claims.email;
    let verified = claims.email_verified;
    if (email === undefined || verified === undefined) {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      email ??= info.email;
      verified ??= info.email_verified;
    }
    return {
      subject: claims.sub,
      email: typeof email === 'string' ? email.trim().toLowerCase() : null,
      // Some providers send the flag as a string.
      emailVerified: verified === true || verified === 'true',
      amr: Array.isArray(claims.amr) ? claims.amr.filter((value): value is string => typeof value === 'string') : [],
    };
  }
}
