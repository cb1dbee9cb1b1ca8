import { JOIN_DEVICE_PATH, transferLinkFragment, type IssuedIdentity, type TransferLink } from '../../shared/index.ts';
import { redeemTransfer, requestTransfer } from '../api/identity.ts';
import { storeCredential } from './credential.ts';
import { saveProfile, type Profile } from './identity.ts';

export interface DeviceLink {
  readonly url: string;
  /** Epoch ms by this device's clock (the server's expiry, less any skew between the clocks). */
  readonly expiresAt: number;
}

/** A one-time link that makes another device this person, with the name and team chosen here. */
export async function makeDeviceLink(credential: string, profile: Profile): Promise<DeviceLink> {
  const { code, expiresInMs } = await requestTransfer(credential);
  const expiresAt = Date.now() + expiresInMs;
  const url = new URL(JOIN_DEVICE_PATH, window.location.origin);
  url.hash = transferLinkFragment({ code, name: profile.name, department: profile.department });
  return { url: url.toString(), expiresAt };
}

const redeeming = new Map<string, Promise<IssuedIdentity>>();

/**
 * Redeems the link's code and makes this device its person. Once per code however often it is
 * called (a code works once, and React runs effects twice in development).
 */
export function joinAsDevice(link: TransferLink): Promise<IssuedIdentity> {
  let pending = redeeming.get(link.code);
  if (!pending) {
    pending = redeemTransfer(link.code).then((issued) => {
      storeCredential(issued);
      if (link.name && link.department) saveProfile(link.name, link.department);
      return issued;
    });
    redeeming.set(link.code, pending);
  }
  return pending;
}
