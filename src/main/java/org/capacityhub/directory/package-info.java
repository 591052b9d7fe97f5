/**
 * Directory: organisations (any depth), people, programmes and user accounts, with who may see and manage what.
 * <p>
 * Other modules use its root package: {@link org.capacityhub.directory.DirectoryAccess} for access decisions and
 * {@link org.capacityhub.directory.Directory} to look up organisations and people by id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.capacityhub.directory;
