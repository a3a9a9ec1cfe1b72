/**
 * Departments, their versioned assistant profiles and the kill switch. Other modules read them through
 * {@link org.govchat.department.DepartmentCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Departments")
package org.govchat.department;
