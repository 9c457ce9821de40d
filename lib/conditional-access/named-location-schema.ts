// Graph namedLocation resources: ipNamedLocation, countryNamedLocation and, from Graph beta,
// compliantNetworkNamedLocation (location-condition; Graph: ipnamedlocation, countrynamedlocation,
// compliantnetworknamedlocation). Unknown fields are kept and ignored. A location of a type the engine does not
// know is kept as `unknownNamedLocation`: it loads, lint reports it, and it never matches a sign-in.
import { z } from 'zod';
import { isOneOf } from '../is-one-of';
import { parseCidr } from './ip-address';

const cidrAddressSchema = z.string().refine((value) => parseCidr(value) !== null, {
  message: 'is not a valid CIDR range (expected e.g. "203.0.113.0/24" or "2001:db8::/48")',
});

export const ipRangeSchema = z.looseObject({
  '@odata.type': z.enum(['#microsoft.graph.iPv4CidrRange', '#microsoft.graph.iPv6CidrRange']).optional(),
  cidrAddress: cidrAddressSchema,
});

export const ipNamedLocationSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.ipNamedLocation'),
  id: z.string().min(1),
  displayName: z.string(),
  isTrusted: z.boolean().nullish(),
  ipRanges: z.array(ipRangeSchema),
});

export const countryNamedLocationSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.countryNamedLocation'),
  id: z.string().min(1),
  displayName: z.string(),
  // ISO 3166-1 alpha-2 codes, as Graph stores them.
  countriesAndRegions: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')),
  includeUnknownCountriesAndRegions: z.boolean().nullish(),
  countryLookupMethod: z.enum(['clientIpAddress', 'authenticatorAppGps', 'unknownFutureValue']).nullish(),
});

// "Represents a Microsoft Entra ID named location defined by Global Secure Access. Automatically created with the
// name 'All Compliant Network Locations' when you enable Global Secure Access signaling for Conditional Access";
// "Currently the only possible value is allTenantCompliantNetworks" (Graph beta: compliantnetworknamedlocation).
export const compliantNetworkNamedLocationSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.compliantNetworkNamedLocation'),
  id: z.string().min(1),
  displayName: z.string(),
  compliantNetworkType: z.enum(['allTenantCompliantNetworks', 'unknownFutureValue']).nullish(),
  isTrusted: z.boolean().nullish(),
});

export const knownNamedLocationTypes = [
  '#microsoft.graph.ipNamedLocation',
  '#microsoft.graph.countryNamedLocation',
  '#microsoft.graph.compliantNetworkNamedLocation',
] as const;

/** Any other `@odata.type` (a type Graph adds later): kept as is, reported, never matched. */
export const unknownNamedLocationSchema = z.looseObject({
  '@odata.type': z
    .string()
    .min(1)
    .refine((type) => !isOneOf(knownNamedLocationTypes, type)),
  id: z.string().min(1),
  displayName: z.string(),
});

export const namedLocationSchema = z.union([
  z.discriminatedUnion('@odata.type', [
    ipNamedLocationSchema,
    countryNamedLocationSchema,
    compliantNetworkNamedLocationSchema,
  ]),
  unknownNamedLocationSchema,
]);

export type IpNamedLocation = z.infer<typeof ipNamedLocationSchema>;
export type CountryNamedLocation = z.infer<typeof countryNamedLocationSchema>;
export type CompliantNetworkNamedLocation = z.infer<typeof compliantNetworkNamedLocationSchema>;
export type UnknownNamedLocation = z.infer<typeof unknownNamedLocationSchema>;
export type NamedLocation = z.infer<typeof namedLocationSchema>;

// Type guards: the unknown-type branch's `@odata.type` is any string, so a comparison alone does not narrow.
export const isIpNamedLocation = (location: NamedLocation): location is IpNamedLocation =>
  location['@odata.type'] === '#microsoft.graph.ipNamedLocation';
export const isCountryNamedLocation = (location: NamedLocation): location is CountryNamedLocation =>
  location['@odata.type'] === '#microsoft.graph.countryNamedLocation';
export const isCompliantNetworkNamedLocation = (location: NamedLocation): location is CompliantNetworkNamedLocation =>
  location['@odata.type'] === '#microsoft.graph.compliantNetworkNamedLocation';
