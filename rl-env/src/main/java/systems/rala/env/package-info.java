/** The environment contract and the greenhouse tasks built on the twin. */
package systems.rala.env;
