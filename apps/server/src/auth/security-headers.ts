import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { AppConfig } from '../config';
import { isHttps } from './cookies';

/**
 * Headers for a React SPA and the login pages served from this one origin: everything from
 * 'self', no inline script or style, never framed. HSTS and upgrade-insecure-requests only when
 * served over https, because on a plain-http demo they would break the page.
 */
export function securityHeaderOptions(config: Pick<AppConfig, 'publicUrl'>): FastifyHelmetOptions {
  const https = isHttps(config);
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // same-origin, not no-referrer: under no-referrer a browser labels its own form posts `Origin: null`,
    // which the origin check must refuse; other sites still never see a URL of ours (ADR 0013).
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  };
}
