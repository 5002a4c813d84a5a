// The integrity hash a <script>/<link integrity> attribute and the service worker's file list
// carry: sha384 of the bytes, base64. One copy for every post-build step that writes one.
import { createHash } from 'node:crypto';

export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
