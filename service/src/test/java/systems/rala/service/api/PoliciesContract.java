package systems.rala.service.api;

/** API tests of the policy registry (upload, versions, aliases) and twin what-if jobs. */
interface PoliciesContract extends ServiceContract {}
