package systems.rala.service.api;

/** API tests of invitations, password change, login rate limits and the audit-log query. */
interface AccountsContract extends ServiceContract {}
