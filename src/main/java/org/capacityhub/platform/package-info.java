/**
 * Platform: security, layout and navigation, languages, errors, audit log and the demo dataset switch.
 * <p>
 * Its root package is the API other modules use: {@link org.capacityhub.platform.NavigationItem},
 * {@link org.capacityhub.platform.DemoContributor}, {@link org.capacityhub.platform.AuditContext},
 * {@link org.capacityhub.platform.ApiTokenVerifier}, {@link org.capacityhub.platform.PlatformUser} and
 * {@link org.capacityhub.platform.PlatformSettings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.capacityhub.platform;
