/**
 * The department admin console's API ({@code /api/v1/admin/**}): who is signed in, the departments they
 * administer and their assistant profiles. Every read is limited to the admin's departments
 * ({@link org.govchat.identity.DepartmentAccess}); anything else answers 404.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin console")
package org.govchat.admin;
