/**
 * Departments, their versioned assistant profiles, the kill switch and supervised mode. Other modules read
 * them through {@link org.govchat.department.DepartmentCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Departments")
package org.govchat.department;
