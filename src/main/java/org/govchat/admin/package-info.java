/**
 * The department admin console's API ({@code /api/v1/admin/**}): who is signed in and the departments they
 * administer; per department the assistant's settings as versions, the kill switch, supervised mode and the
 * playground ({@code assistant}), the dashboard from daily rollups ({@code dashboard}) and the review of citizen
 * conversations ({@code review}). Every call is limited to the admin's departments
 * ({@link org.govchat.identity.DepartmentAccess}), in the services and in the queries; anything else
 * answers 404. Changes and readings of citizen conversations are audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin console")
package org.govchat.admin;
