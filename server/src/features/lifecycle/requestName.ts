// The name of the custom request condis/requestLifecycle (apart, so server.ts imports it without the catalog code).
export const REQUEST_LIFECYCLE_REQUEST = 'condis/requestLifecycle';
