/** Classic-control tasks from Gymnasium, for checking the environment contract and learners on known problems. */
package systems.rala.env.classic;
